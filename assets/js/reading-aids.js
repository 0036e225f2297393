/* Reading aids, as a progressive enhancement of the forms in components/reading_aids.html.
   Text size and colour scheme apply at once, writing the same cookies the forms' view writes
   (ふりがな still posts: the readings are made on the server). 読み上げ appears only where the
   browser can speak, and reads the main content in the page's language. */
(function () {
  "use strict";

  var root = document.documentElement;
  var YEAR = 60 * 60 * 24 * 365;
  var VOICE_LANGUAGES = {
    ja: "ja-JP", en: "en-US", "pt-br": "pt-BR", es: "es-ES", "zh-hans": "zh-CN", ko: "ko-KR", vi: "vi-VN"
  };
  var READ_SELECTOR = "h1, h2, h3, h4, p, li, dt, dd, caption, th, td";

  function saveChoice(name, value) {
    var secure = location.protocol === "https:" ? "; secure" : "";
    document.cookie = name + "=" + encodeURIComponent(value) + "; path=/; max-age=" + YEAR +
      "; samesite=lax" + secure;
  }

  function choose(form, chosen) {
    var prefix = form.getAttribute("data-class-prefix");
    form.querySelectorAll("button[name]").forEach(function (button) {
      root.classList.remove(prefix + button.value);
      button.setAttribute("aria-pressed", String(button === chosen));
    });
    root.classList.add(prefix + chosen.value);
    saveChoice(chosen.name, chosen.value);
  }

  document.querySelectorAll("form[data-class-prefix]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      var button = event.submitter;
      if (!button || !button.name) {
        return;
      }
      event.preventDefault();
      choose(form, button);
    });
  });

  var readButton = document.querySelector(".read-aloud");
  if (!readButton || !("speechSynthesis" in window) || !("SpeechSynthesisUtterance" in window)) {
    return;
  }
  var lang = VOICE_LANGUAGES[root.lang.toLowerCase()] || root.lang;

  function hasVoice() {
    var voices = window.speechSynthesis.getVoices();
    var base = lang.split("-")[0].toLowerCase();
    // Voices load late in some browsers: until they are known, assume the language is there.
    return voices.length === 0 || voices.some(function (voice) {
      return voice.lang.toLowerCase().split(/[-_]/)[0] === base;
    });
  }

  function showIfSpoken() {
    readButton.hidden = !hasVoice();
  }

  function blocksToRead() {
    var main = document.querySelector("main");
    return Array.prototype.filter.call(main.querySelectorAll(READ_SELECTOR), function (element) {
      return !element.querySelector(READ_SELECTOR) && !element.closest("[hidden], [aria-hidden='true']");
    }).map(function (element) {
      var copy = element.cloneNode(true);
      copy.querySelectorAll("rt, rp").forEach(function (reading) { reading.remove(); });
      return copy.textContent.replace(/\s+/g, " ").trim();
    }).filter(Boolean);
  }

  function setReading(reading) {
    readButton.setAttribute("aria-pressed", String(reading));
  }

  readButton.addEventListener("click", function () {
    if (readButton.getAttribute("aria-pressed") === "true") {
      window.speechSynthesis.cancel();
      setReading(false);
      return;
    }
    var blocks = blocksToRead();
    blocks.forEach(function (text, index) {
      var utterance = new window.SpeechSynthesisUtterance(text);
      utterance.lang = lang;
      if (index === blocks.length - 1) {
        utterance.onend = function () { setReading(false); };
      }
      utterance.onerror = function () { setReading(false); };
      window.speechSynthesis.speak(utterance);
    });
    setReading(blocks.length > 0);
  });

  showIfSpoken();
  window.speechSynthesis.addEventListener("voiceschanged", showIfSpoken);
}());
