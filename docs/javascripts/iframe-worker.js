/* Search on a site opened from disk (file://), with no request to any server.
 *
 * Browsers refuse Web Workers from file:// pages, and Material's offline plugin would load
 * a shim from a CDN for that (it adds none when a polyfill named "iframe-worker" is already
 * listed: this file). This one runs the search worker's script in a hidden iframe of the
 * page instead and passes messages both ways, which is all Material's search asks of a
 * Worker (postMessage, addEventListener "message"). Served over http(s), nothing changes.
 */
(function () {
  "use strict";
  if (location.protocol !== "file:") {
    return;
  }

  function FileWorker(url) {
    var worker = this;
    var listeners = [];
    var queue = [];
    var ready = false;
    var frame = document.createElement("iframe");
    frame.style.display = "none";
    (document.body || document.documentElement).appendChild(frame);
    var scope = frame.contentWindow;

    // the worker's side: its postMessage answers the page
    scope.postMessage = function (data) {
      setTimeout(function () {
        var event = new MessageEvent("message", { data: data });
        listeners.forEach(function (listener) {
          listener.call(worker, event);
        });
        if (typeof worker.onmessage === "function") {
          worker.onmessage(event);
        }
      });
    };

    function send(data) {
      scope.dispatchEvent(new scope.MessageEvent("message", { data: data }));
    }

    var script = scope.document.createElement("script");
    script.src = new URL(url, location.href).href;
    script.onload = function () {
      ready = true;
      queue.splice(0).forEach(send);
    };
    scope.document.head.appendChild(script);

    this.onmessage = null;
    this.postMessage = function (data) {
      if (ready) {
        send(data);
      } else {
        queue.push(data);
      }
    };
    this.addEventListener = function (type, listener) {
      if (type === "message") {
        listeners.push(listener);
      }
    };
    this.removeEventListener = function (type, listener) {
      var index = listeners.indexOf(listener);
      if (index >= 0) {
        listeners.splice(index, 1);
      }
    };
    this.terminate = function () {
      frame.remove();
    };
  }

  window.Worker = FileWorker;
})();
