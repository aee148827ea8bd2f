// Registers the service worker that keeps the app working offline (its precache list is
// written at build time by tools/post_build.sh), and tells the app when a new version is
// waiting, so that versions are never mixed silently.
(function () {
  if (!('serviceWorker' in navigator)) return;
  var waiting = null;
  function ready(worker) {
    waiting = worker;
    window.dispatchEvent(new CustomEvent('relief:update-ready'));
  }
  // Reload only when the person asked for the new version: the first install also
  // changes the controller (clients.claim), and that must not reload the page under them.
  var updating = false;
  window.addEventListener('relief:apply-update', function () {
    if (!waiting) return;
    updating = true;
    waiting.postMessage('skip-waiting');
  });
  navigator.serviceWorker.addEventListener('controllerchange', function () {
    if (!updating) return;
    updating = false;
    location.reload();
  });
  window.addEventListener('load', function () {
    navigator.serviceWorker.register('sw.js').then(function (reg) {
      if (reg.waiting && navigator.serviceWorker.controller) ready(reg.waiting);
      reg.addEventListener('updatefound', function () {
        var w = reg.installing;
        if (!w) return;
        w.addEventListener('statechange', function () {
          if (w.state === 'installed' && navigator.serviceWorker.controller) ready(w);
        });
      });
    }).catch(function () { /* no offline support here; the app still works online */ });
  });
})();
