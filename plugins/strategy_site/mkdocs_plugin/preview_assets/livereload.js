// The preview's live reload (`mkdocs serve` only; see mkdocs_plugin/error_preview.py).
//
// MkDocs' server puts an inline script at the end of every page it serves, which asks
// the server for `/livereload/<epoch>/<request>` and reloads the page when the answer is
// a newer epoch (a finished rebuild). The site's Content-Security-Policy does not let an
// inline script run, so this file, one of the site's own, does the same: it reads the
// epoch from that script's text, or, on a page served without one (an error page at an
// address the server does not know), asks the server for the epoch it shows now.
(function () {
  "use strict";
  var injected = /livereload\((\d+), (\d+)\);\s*$/;
  var epoch = null;
  var request = String(Date.now());
  for (var i = 0; i < document.scripts.length; i++) {
    var found = injected.exec(document.scripts[i].textContent || "");
    if (found) {
      epoch = parseFloat(found[1]);
      request = found[2];
    }
  }
  var xhr, timeout;

  function poll() {
    xhr = new XMLHttpRequest();
    xhr.onloadend = function () {
      var shown = parseFloat(this.responseText);
      if (this.status === 200 && epoch === null) {
        epoch = shown; // the epoch this page shows: wait for a newer one
        timeout = setTimeout(poll, 0);
      } else if (this.status === 200 && shown > epoch) {
        location.reload();
      } else {
        timeout = setTimeout(poll, this.status === 200 ? 0 : 3000);
      }
    };
    xhr.open("GET", "/livereload/" + (epoch === null ? 0 : epoch) + "/" + request);
    xhr.send();
  }

  function stop() {
    if (xhr) {
      xhr.onloadend = null;
      xhr.abort();
    }
    if (timeout) {
      clearTimeout(timeout);
    }
    xhr = timeout = undefined;
  }

  function start() {
    if (document.visibilityState === "visible" && xhr === undefined) {
      poll();
    }
  }

  window.addEventListener("load", start);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") {
      start();
    } else {
      stop();
    }
  });
  window.addEventListener("beforeunload", stop);
})();
