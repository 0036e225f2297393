/* Reading aids, as a progressive enhancement of the forms in components/reading_aids.html.
   Text size and colour scheme apply at once, writing the same cookies the forms' view writes
   (ふりがな still posts: the readings are made on the server). 読み上げ appears only where the
   browser has a voice for the page's language, reads the main content in it, and says so when
   it cannot. */
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

  // Back from a toggle that went through the server (ふりがな, or any without JavaScript): the
  // address names the pressed button, which the browser scrolls to and focuses; the panel
  // around it is opened here too, for browsers that do not open a details for its target.
  var returnedTo = location.hash.indexOf("#reading-aid-") === 0 &&
    document.getElementById(location.hash.slice(1));
  if (returnedTo && returnedTo.closest("details.reading-aids")) {
    returnedTo.closest("details").open = true;
    returnedTo.focus();
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

  var status = document.querySelector(".read-aloud__status");

  function hasVoice() {
    // Voices load late in some browsers: the button stays hidden until one for the page's
    // language is known (voiceschanged below), and for good where there is none.
    var base = lang.split("-")[0].toLowerCase();
    return window.speechSynthesis.getVoices().some(function (voice) {
      return voice.lang.toLowerCase().split(/[-_]/)[0] === base;
    });
  }

  function cannotSpeak() {
    setReading(false);
    if (status) {
      status.textContent = status.getAttribute("data-cannot-speak");
    }
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
    if (status) {
      status.textContent = "";
    }
    var blocks = blocksToRead();
    blocks.forEach(function (text, index) {
      var utterance = new window.SpeechSynthesisUtterance(text);
      utterance.lang = lang;
      if (index === blocks.length - 1) {
        utterance.onend = function () { setReading(false); };
      }
      utterance.onerror = function (event) {
        if (event.error !== "canceled" && event.error !== "interrupted") {
          cannotSpeak();
        } else {
          setReading(false);
        }
      };
      window.speechSynthesis.speak(utterance);
    });
    setReading(blocks.length > 0);
  });

  showIfSpoken();
  window.speechSynthesis.addEventListener("voiceschanged", showIfSpoken);
}());
