// Tells the server which of our two hanzi faces this system never uses, because a Chinese font of its
// own comes first in style.css's font stacks (PingFang, Microsoft YaHei, Noto Sans CJK...): the server
// then stops preloading that face's chunks (studyapp/hanzi_fonts.py), which such a browser would
// download for nothing. The browser itself answers: once the page is laid out and its fonts are
// ready, a face that drew some of the hanzi shown has been loaded; one that drew none of them, while
// the stylesheet asked for it, was replaced by a system font. Until the cookie says, a hidden 穴 in
// each stack (the header's character: the smallest chunk) asks on pages that show no text of a face.
(function () {
  "use strict";
  var COOKIE = "hanzi_local";
  var FACES = { sc: "Study Hanzi SC", tc: "Study Hanzi TC" };
  var STACKS = ["", "hanzi-inline"];  // classes whose text style.css draws with each face's stack
  var HANZI = /[\u3400-\u9fff\uf900-\ufaff]/;

  function wanted() {  // the faces the stylesheet asks for, for the hanzi shown on this page
    var found = {};
    var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      var element = walker.currentNode.parentElement;
      if (!element || !HANZI.test(walker.currentNode.data) || !element.getClientRects().length) continue;
      var stack = getComputedStyle(element).fontFamily;
      Object.keys(FACES).forEach(function (key) { if (stack.indexOf(FACES[key]) !== -1) found[key] = true; });
    }
    return found;
  }

  function check() {
    var match = document.cookie.match(new RegExp("(?:^|;\\s*)" + COOKIE + "=([a-z.]*)"));
    var probes = match ? [] : STACKS.map(function (stack) {
      var probe = document.createElement("span");
      probe.className = ("visually-hidden " + stack).trim();
      probe.setAttribute("aria-hidden", "true");
      probe.textContent = "穴";
      return document.body.appendChild(probe);
    });
    document.body.getBoundingClientRect();  // lay the page out: the fonts it needs start loading
    var needed = wanted();
    document.fonts.ready.then(function () {
      probes.forEach(function (probe) { probe.remove(); });
      var loaded = {};
      document.fonts.forEach(function (face) {
        if (face.status !== "unloaded") loaded[face.family.replace(/"/g, "")] = true;
      });
      var local = match ? match[1].split(".").filter(Boolean) : [];
      var now = Object.keys(FACES).filter(function (key) {
        return needed[key] ? !loaded[FACES[key]] : local.indexOf(key) !== -1;
      });
      if (!match || now.join(".") !== local.join(".")) {  // an empty value too says: checked
        document.cookie = COOKIE + "=" + now.join(".") + "; path=/; max-age=31536000; SameSite=Lax";
      }
    });
  }

  if (!document.fonts) return;
  if (document.readyState === "complete") check();
  else window.addEventListener("load", check);
})();
