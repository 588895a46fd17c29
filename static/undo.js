// U undoes the last answer, on every study page that offers it.
(function () {
  var undo = document.getElementById("undo");
  if (!undo) return;
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var tag = (event.target && event.target.tagName) || "";
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") return;
    if (event.key === "u" || event.key === "U") { event.preventDefault(); undo.form.requestSubmit(undo); }
  });
})();
