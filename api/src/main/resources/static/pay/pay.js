// Copy buttons on the pay page: copies data-copy-value, or the text of the element named by
// data-copy-target, and says so on the button for a moment. Delegated from the document, so it
// keeps working after htmx swaps.
document.addEventListener("click", function (event) {
  var button = event.target.closest("button[data-copy-target], button[data-copy-value]");
  if (!button || !navigator.clipboard) {
    return;
  }
  var value = button.getAttribute("data-copy-value");
  if (value === null) {
    var source = document.getElementById(button.getAttribute("data-copy-target"));
    value = source ? source.textContent.trim() : "";
  }
  var label = button.textContent;
  navigator.clipboard.writeText(value).then(function () {
    button.textContent = button.getAttribute("data-copied") || label;
    setTimeout(function () { button.textContent = label; }, 1500);
  });
});
