/* Glossary links open the term's definition in place, as a disclosure: Enter or a click opens
   it, Escape or 閉じる closes it and focus returns to the link, aria-expanded tells the state.
   Without JavaScript the links simply lead to the glossary entry. The definitions come from
   this page's own term list (.term-definitions). */
(function () {
  "use strict";

  var list = document.querySelector(".term-definitions");
  if (!list) {
    return;
  }
  var count = 0;

  function definitionOf(link) {
    var slug = link.getAttribute("data-term");
    return slug && list.querySelector('[data-definition-for="' + CSS.escape(slug) + '"]');
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    node.className = className;
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  function buildPanel(link, definition) {
    var panel = element("span", "glossary-popover");
    count += 1;
    panel.id = "glossary-popover-" + count;
    panel.setAttribute("role", "group");
    panel.setAttribute("aria-label", link.textContent);
    panel.hidden = true;
    var term = definition.previousElementSibling;
    panel.appendChild(element("span", "glossary-popover__term", term ? term.textContent.trim() : link.textContent));
    definition.querySelectorAll("p").forEach(function (paragraph) {
      var copy = element("span", "glossary-popover__paragraph");
      Array.prototype.forEach.call(paragraph.childNodes, function (node) {
        copy.appendChild(node.cloneNode(true));
      });
      panel.appendChild(copy);
    });
    var actions = element("span", "glossary-popover__actions");
    var more = element("a", "glossary-popover__more", list.getAttribute("data-more-label"));
    more.href = link.href;
    var close = element("button", "glossary-popover__close", list.getAttribute("data-close-label"));
    close.type = "button";
    close.addEventListener("click", function () { hide(link, true); });
    actions.appendChild(more);
    actions.appendChild(close);
    panel.appendChild(actions);
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        event.preventDefault();
        hide(link, true);
      }
    });
    link.after(panel);
    link.setAttribute("aria-controls", panel.id);
    return panel;
  }

  function panelOf(link) {
    var id = link.getAttribute("aria-controls");
    return id ? document.getElementById(id) : buildPanel(link, definitionOf(link));
  }

  function show(link) {
    panelOf(link).hidden = false;
    link.setAttribute("aria-expanded", "true");
  }

  function hide(link, returnFocus) {
    panelOf(link).hidden = true;
    link.setAttribute("aria-expanded", "false");
    if (returnFocus) {
      link.focus();
    }
  }

  document.querySelectorAll("a.glossary-link[data-term]").forEach(function (link) {
    if (!definitionOf(link)) {
      return;
    }
    link.setAttribute("aria-expanded", "false");
    link.addEventListener("click", function (event) {
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
        return;
      }
      event.preventDefault();
      if (link.getAttribute("aria-expanded") === "true") {
        hide(link, false);
      } else {
        show(link);
      }
    });
    link.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && link.getAttribute("aria-expanded") === "true") {
        event.preventDefault();
        hide(link, true);
      }
    });
  });
}());
