// After htmx swaps in a new page or a "why" box, move the focus to its heading, so that the
// keyboard and a screen reader continue there (an htmx swap is no page load).
document.addEventListener("htmx:afterSettle", function (event) {
  var target = event.detail && event.detail.target;
  var root = (target && target.id === "why") ? target : document.getElementById("main");
  if (!root) { return; }
  var heading = root.querySelector("[role=alert]") || root.querySelector("h1, h2");
  if (heading) {
    if (!heading.hasAttribute("tabindex")) { heading.setAttribute("tabindex", "-1"); }
    heading.focus({ preventScroll: false });
  }
});
