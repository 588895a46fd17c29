// U undoes the last answer, on every study page that offers it.
(function () {
  var undo = document.getElementById("undo");
  if (!undo) return;
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var target = event.target;
    if (target && target !== document.body && target !== document.documentElement) return;  // keys on the page only
    if (event.key === "u" || event.key === "U") { event.preventDefault(); undo.form.requestSubmit(undo); }
  });
})();
