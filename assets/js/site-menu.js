/* On small screens the header folds its reading aids, site navigation and search behind a
   メニュー button, so that the page's content starts near the top. Without JavaScript everything
   stays open. The button's label comes from the header's data-menu-label. */
(function () {
  "use strict";

  var header = document.querySelector(".site-header");
  var menu = header && document.getElementById("site-menu");
  if (!menu) return;

  var button = document.createElement("button");
  button.type = "button";
  button.className = "site-header__toggle";
  button.textContent = header.getAttribute("data-menu-label");
  button.setAttribute("aria-controls", "site-menu");

  function setOpen(open) {
    button.setAttribute("aria-expanded", String(open));
    header.classList.toggle("is-collapsed", !open);
  }

  button.addEventListener("click", function () {
    setOpen(button.getAttribute("aria-expanded") !== "true");
  });
  menu.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && header.classList.contains("is-collapsible")) {
      setOpen(false);
      button.focus();
    }
  });

  header.querySelector(".site-header__inner").appendChild(button);
  header.classList.add("is-collapsible");
  setOpen(false);
})();
