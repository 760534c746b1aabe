// Starts Swagger UI on /api/docs (loaded as a file: the board's Content-Security-Policy allows no inline script).
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var container = document.getElementById("swagger-container");
  SwaggerUIBundle({
    url: container.dataset.openapi,
    dom_id: "#swagger-container",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  });
});
