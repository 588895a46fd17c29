// Locate a point on a body chart: click or tap to place the cross-hair, then Check (or Enter).
// Keyboard: with the chart focused, the arrow keys move the cross-hair (Shift: bigger steps), + and -
// zoom, Enter checks. On a small screen, drag to pan and pinch (or the buttons) to zoom. The chart's
// own units go to the server, which grades the distance in cun. Keys act only on the focused chart.
(function () {
  var form = document.getElementById("locate-form");
  var svg = document.getElementById("locate-chart");
  if (!form || !svg || !svg.getScreenCTM) return;
  var xInput = document.getElementById("locate-x");
  var yInput = document.getElementById("locate-y");
  var check = document.getElementById("locate-check");
  var status = document.getElementById("locate-status");
  var tools = document.getElementById("chart-tools");
  var NS = "http://www.w3.org/2000/svg";
  var base = svg.viewBox.baseVal;
  var whole = { x: base.x, y: base.y, w: base.width, h: base.height };
  var view = { x: whole.x, y: whole.y, w: whole.w, h: whole.h };
  var place = null;

  var cross = document.createElementNS(NS, "g");
  cross.setAttribute("class", "m-click m-cross");
  var arms = document.createElementNS(NS, "path");
  var ring = document.createElementNS(NS, "circle");
  cross.appendChild(arms);
  cross.appendChild(ring);
  cross.setAttribute("visibility", "hidden");
  svg.appendChild(cross);

  function drawCross() {
    if (!place) return;
    var arm = view.w / 30;
    arms.setAttribute("d", "M" + (place.x - arm) + " " + place.y + "H" + (place.x + arm) +
                      "M" + place.x + " " + (place.y - arm) + "V" + (place.y + arm));
    ring.setAttribute("cx", place.x);
    ring.setAttribute("cy", place.y);
    ring.setAttribute("r", arm / 2.2);
    cross.setAttribute("visibility", "visible");
  }

  function clamp(value, low, high) { return Math.max(low, Math.min(high, value)); }

  function setView() {
    view.w = clamp(view.w, whole.w / 8, whole.w);
    view.h = view.w * whole.h / whole.w;
    view.x = clamp(view.x, whole.x, whole.x + whole.w - view.w);
    view.y = clamp(view.y, whole.y, whole.y + whole.h - view.h);
    svg.setAttribute("viewBox", view.x + " " + view.y + " " + view.w + " " + view.h);
    drawCross();
  }

  function zoom(factor, cx, cy) {
    if (cx === undefined) { cx = place ? place.x : view.x + view.w / 2; cy = place ? place.y : view.y + view.h / 2; }
    var w = clamp(view.w * factor, whole.w / 8, whole.w);
    var ratio = w / view.w;
    view.x = cx - (cx - view.x) * ratio;
    view.y = cy - (cy - view.y) * ratio;
    view.w = w;
    setView();
  }

  function put(x, y) {
    place = { x: clamp(x, whole.x, whole.x + whole.w), y: clamp(y, whole.y, whole.y + whole.h) };
    xInput.value = place.x.toFixed(2);
    yInput.value = place.y.toFixed(2);
    check.disabled = false;
    status.textContent = "Place chosen. Check it, or choose another place.";
    drawCross();
  }

  function toChart(clientX, clientY) {
    var point = svg.createSVGPoint();
    point.x = clientX;
    point.y = clientY;
    return point.matrixTransform(svg.getScreenCTM().inverse());
  }

  // Pointers: a tap places; a drag pans (when zoomed in); two fingers pinch to zoom.
  var pointers = {};
  var dragged = false;
  var pinch = null;
  svg.addEventListener("pointerdown", function (event) {
    pointers[event.pointerId] = { x: event.clientX, y: event.clientY, startX: event.clientX, startY: event.clientY };
    dragged = false;
    if (Object.keys(pointers).length === 2) pinch = null;
    svg.setPointerCapture(event.pointerId);
  });
  svg.addEventListener("pointermove", function (event) {
    var pointer = pointers[event.pointerId];
    if (!pointer) return;
    var ids = Object.keys(pointers);
    if (ids.length === 2) {
      pointer.x = event.clientX;
      pointer.y = event.clientY;
      var a = pointers[ids[0]], b = pointers[ids[1]];
      var span = Math.hypot(a.x - b.x, a.y - b.y);
      var middle = toChart((a.x + b.x) / 2, (a.y + b.y) / 2);
      if (pinch && span > 0) zoom(pinch / span, middle.x, middle.y);
      pinch = span;
      dragged = true;
      return;
    }
    if (Math.hypot(event.clientX - pointer.startX, event.clientY - pointer.startY) > 8) dragged = true;
    if (dragged && view.w < whole.w) {
      var before = toChart(pointer.x, pointer.y);
      var after = toChart(event.clientX, event.clientY);
      view.x -= after.x - before.x;
      view.y -= after.y - before.y;
      setView();
    }
    pointer.x = event.clientX;
    pointer.y = event.clientY;
  });
  function release(event) {
    var pointer = pointers[event.pointerId];
    delete pointers[event.pointerId];
    if (Object.keys(pointers).length < 2) pinch = null;
    if (pointer && !dragged && event.type === "pointerup") {
      var spot = toChart(event.clientX, event.clientY);
      put(spot.x, spot.y);
    }
  }
  svg.addEventListener("pointerup", release);
  svg.addEventListener("pointercancel", release);

  svg.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var step = view.w / (event.shiftKey ? 15 : 60);
    var moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    if (moves[event.key]) {
      event.preventDefault();
      var from = place || { x: view.x + view.w / 2, y: view.y + view.h / 2 };
      put(from.x + moves[event.key][0], from.y + moves[event.key][1]);
      // keep the cross-hair in sight when zoomed in
      if (place.x < view.x || place.x > view.x + view.w || place.y < view.y || place.y > view.y + view.h) {
        view.x = place.x - view.w / 2;
        view.y = place.y - view.h / 2;
        setView();
      }
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      if (place) form.requestSubmit(check);
      else put(view.x + view.w / 2, view.y + view.h / 2);
    } else if (event.key === "+" || event.key === "=") {
      event.preventDefault();
      zoom(0.7);
    } else if (event.key === "-") {
      event.preventDefault();
      zoom(1 / 0.7);
    }
  });

  if (tools) {
    tools.hidden = false;
    tools.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-zoom]");
      if (!button) return;
      var how = button.getAttribute("data-zoom");
      if (how === "in") zoom(0.7);
      else if (how === "out") zoom(1 / 0.7);
      else { view = { x: whole.x, y: whole.y, w: whole.w, h: whole.h }; setView(); }
    });
  }

  form.addEventListener("submit", function (event) {
    if (!place) { event.preventDefault(); status.textContent = "Choose a place on the chart first."; }
  });
  svg.setAttribute("aria-describedby", "locate-help");
})();
