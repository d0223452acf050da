// Article view: clicking a highlight shows what it was resolved to, from the record beside the text.
(function () {
  "use strict";
  const selection = document.getElementById("selection");
  if (!selection) return;

  function select(ref) {
    const item = document.getElementById(ref);
    document.querySelectorAll(".selected").forEach((node) => node.classList.remove("selected"));
    document.querySelectorAll(`mark[data-ref="${CSS.escape(ref)}"]`).forEach((node) => node.classList.add("selected"));
    if (!item) { selection.hidden = true; return; }
    item.classList.add("selected");
    const label = document.createElement("div");
    label.className = "label";
    label.textContent = ref.startsWith("entity-") ? "Resolved to the entity" : ref.startsWith("ev") ? "The event" : "The quote";
    selection.replaceChildren(label, ...Array.from(item.cloneNode(true).childNodes));
    selection.hidden = false;
  }

  document.querySelector(".text").addEventListener("click", (event) => {
    const mark = event.target.closest("mark[data-ref]");
    if (mark) { event.stopPropagation(); select(mark.dataset.ref); }
  });
  document.querySelector(".text").addEventListener("keydown", (event) => {
    const mark = event.target.closest("mark[data-ref]");
    if (mark && (event.key === "Enter" || event.key === " ")) { event.preventDefault(); select(mark.dataset.ref); }
  });
  if (window.location.hash.length > 1) select(window.location.hash.slice(1));
})();
