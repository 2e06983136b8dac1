// Layer toggles of the article page: each checkbox shows or hides one highlight layer.
(function () {
  "use strict";
  document.querySelectorAll("#layers input[data-layer]").forEach(function (box) {
    box.addEventListener("change", function () {
      document.body.classList.toggle("hide-" + box.dataset.layer, !box.checked);
    });
  });
})();
