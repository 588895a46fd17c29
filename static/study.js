// Study keys: Space or Enter reveals the answer; 0-5 grade it (1-4 in FSRS mode). Without JS the links and buttons work.
(function () {
  var back = document.getElementById("back");
  var show = document.getElementById("show-answer");
  var form = document.getElementById("grade-form");
  var elapsed = document.getElementById("answer_ms");
  if (!back || !form) return;
  var shownAt = performance.now();
  var sent = false;

  function reveal() {
    back.hidden = false;
    form.hidden = false;
    if (show) show.hidden = true;
    // No grade button takes focus: a second Space must not grade the card by accident.
  }
  function revealed() { return !form.hidden; }

  if (show) show.addEventListener("click", function (event) { event.preventDefault(); reveal(); });

  form.addEventListener("submit", function (event) {
    if (sent) { event.preventDefault(); return; }  // one answer per card, however fast the clicks
    sent = true;
    if (elapsed) elapsed.value = String(Math.round(performance.now() - shownAt));
  });

  // Keys act only on the page itself: Enter on a focused link or button does what that element does.
  function onPage(event) {
    var target = event.target;
    return !target || target === document.body || target === document.documentElement;
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var inGrades = form.contains(event.target);
    if (!onPage(event) && !(inGrades && /^[0-5]$/.test(event.key)) && !(show && event.target === show)) return;
    if (!revealed() && (event.key === " " || event.key === "Enter")) {
      event.preventDefault();
      reveal();
    } else if (revealed() && /^[0-5]$/.test(event.key)) {
      // 0-5 in SM-2 mode, 1-4 (Again, Hard, Good, Easy) in FSRS mode: each button names its key.
      var button = form.querySelector('button[data-key="' + event.key + '"]');
      if (!button) return;
      event.preventDefault();
      if (!sent) form.requestSubmit(button);
    }
  });
})();
