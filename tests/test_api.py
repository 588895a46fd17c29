from __future__ import annotations

import pytest
from flask.testing import FlaskClient


def test_list_points_filtered_by_channel(client: FlaskClient) -> None:
    data = client.get("/api/v1/points?channel=KI").get_json()
    assert data["count"] == 27
    assert [p["code"] for p in data["points"]][:3] == ["KI-1", "KI-2", "KI-3"]
    assert client.get("/api/v1/points?channel=kid").get_json()["count"] == 27


def test_all_409_points_are_served_with_their_categories(client: FlaskClient) -> None:
    data = client.get("/api/v1/points").get_json()
    assert data["count"] == len(data["points"]) == 409
    by_code = {p["code"]: p for p in data["points"]}
    assert "EX-HN3" in by_code and "CV-24" in by_code
    assert [c["label"] for c in by_code["LU-9"]["categories"]] == [
        "shu-stream point (earth) of the Lung channel", "yuan-source point of the Lung channel",
        "hui-meeting point of the Vessels"]


def test_unknown_channel_is_400_json(client: FlaskClient) -> None:
    response = client.get("/api/v1/points?channel=ZZ")
    assert response.status_code == 400 and "Unknown channel" in response.get_json()["error"]


@pytest.mark.parametrize("typed", ["KI-8", "KI8", "ki 8", "KID-8", "K8", "kd8"])
def test_point_codes_are_matched_leniently(client: FlaskClient, typed: str) -> None:
    response = client.get(f"/api/v1/points/{typed}")
    assert response.status_code == 200
    point = response.get_json()
    assert point["code"] == "KI-8" and point["pinyin"] == "Jiāoxìn" and point["hanzi"] == "交信"
    assert point["channel"] == "KI" and point["channel_name"] == "Kidney"
    assert "KID-8" in point["aliases"]
    assert point["categories"][0]["label"] == "xi-cleft point of the Yin Qiao vessel"
    assert {"location", "identification", "functions", "indications", "related", "cautions",
            "technique", "faq"} <= set(point)


@pytest.mark.parametrize("typed", ["KI-99", "XX-1", "hello"])
def test_unknown_code_is_404_json(client: FlaskClient, typed: str) -> None:
    response = client.get(f"/api/v1/points/{typed}")
    assert response.status_code == 404
    assert response.is_json and "No point" in response.get_json()["error"]


def test_api_needs_no_login(client: FlaskClient) -> None:
    assert client.get("/api/v1/points").status_code == 200
