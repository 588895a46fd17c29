// Quiz keys: 1-6 pick a choice, 0 gives up, Enter checks a typed answer (the browser does that) or,
// on the result page, goes to the next card. Without JS every button and link still works.
(function () {
  var shownAt = performance.now();
  var sent = false;
  var next = document.getElementById("next-card");
  var choices = document.getElementById("quiz-choices");
  var giveUp = document.getElementById("quiz-give-up");

  document.querySelectorAll("form").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (sent) { event.preventDefault(); return; }  // one answer per question, however fast the clicks
      sent = true;
      var elapsed = form.querySelector(".answer-ms");
      if (elapsed) elapsed.value = String(Math.round(performance.now() - shownAt));
    });
  });

  // Keys act only on the page itself (or, for the number keys, on the choices): Enter on a focused
  // link such as "The whole record of ..." opens it, and typing a name takes no shortcut.
  function onPage(event) {
    var target = event.target;
    return !target || target === document.body || target === document.documentElement;
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var inChoices = choices && choices.contains(event.target) && event.target.tagName === "BUTTON";
    if (!onPage(event) && !inChoices && !(next && event.target === next)) return;
    if (next && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      window.location.href = next.href;
    } else if (choices && /^[1-6]$/.test(event.key) && !(choices.closest("details") && !choices.closest("details").open)) {
      var button = choices.querySelector('button[value="' + event.key + '"]');
      if (button && !button.disabled && !sent) { event.preventDefault(); choices.requestSubmit(button); }
    } else if (giveUp && event.key === "0" && !sent) {
      event.preventDefault();
      giveUp.requestSubmit(giveUp.querySelector("button"));
    }
  });
})();
