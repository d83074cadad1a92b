// Swagger UI for /api/v1, started from a file because the site's CSP allows no inline script.
// validatorUrl: null keeps it from sending the document to swagger.io (and works offline).
window.addEventListener("DOMContentLoaded", function () {
  var box = document.getElementById("swagger-ui");
  if (!box || typeof SwaggerUIBundle === "undefined") return;
  window.apiDocs = SwaggerUIBundle({
    url: box.dataset.specUrl,
    domNode: box,
    validatorUrl: null,
    deepLinking: true,
    defaultModelsExpandDepth: 0,
    docExpansion: "list",
  });
});
