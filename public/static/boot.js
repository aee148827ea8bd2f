// Runs before the app. Where WebAssembly (or module scripts) are missing, as in some old
// in-app browsers, go to the static list of every relief instead of a blank page.
// The app's wasm needs the MVP plus mutable globals (Chrome 74, Firefox 61, Safari 13.1):
// this tiny module exports a mutable global and validates only where that is supported.
(function () {
  var mutableGlobal = [0, 97, 115, 109, 1, 0, 0, 0, 6, 6, 1, 127, 1, 65, 0, 11, 7, 5, 1, 1, 103, 3, 0];
  var ok = false;
  try {
    ok = typeof WebAssembly === 'object' && typeof WebAssembly.instantiate === 'function' &&
      WebAssembly.validate(new Uint8Array(mutableGlobal)) &&
      'noModule' in document.createElement('script');
  } catch (e) {
    ok = false;
  }
  if (!ok) {
    // Only once: where the server (or a stale cache) answers all.html with this page,
    // going there again would loop. Say so instead.
    if (/(^|\/)all\.html$/.test(location.pathname)) {
      document.addEventListener('DOMContentLoaded', function () {
        var p = document.createElement('p');
        p.setAttribute('role', 'alert');
        p.textContent = '全部政策清单（all.html）无法打开。The list (all.html) cannot be opened.';
        document.body.insertBefore(p, document.body.firstChild);
      });
      return;
    }
    location.replace('all.html');
    return;
  }
  // A link that opens past the start screen, or in English, or a compact link from a QR
  // code, needs the texts of its language (texts-zh.bin or texts-en.bin: the results' texts)
  // at once: fetch them alongside the wasm, so that the app's own request finds them ready
  // rather than starting after the wasm. The results' own wasm (rest-<hash>.wasm, named here
  // by tools/split.sh) comes with them. The parts of the fragment that say so, as
  // src/ships/present/texts.rs reads them (AT_ONCE there; a test checks that the two lists
  // are the same): a part equal to an entry, or starting with one that ends in '='; '!'
  // marks a part that does not count. The language is English where a part is 'lang=en',
  // as the app reads a link, or where a compact link's flags say so (src/ships/engine/link.rs,
  // encode_compact: format byte, 2 bytes of version, the date as a varint, then the flags,
  // whose lowest bit is English; a damaged one counts as Chinese, as the app starts it).
  var atOnce = ['lang=en', 'z=', 's=', '!s=start'];
  var parts = location.hash.replace(/^#/, '').split('&');
  var lang = parts.indexOf('lang=en') >= 0 ? 'en' : 'zh';
  parts.forEach(function (part) {
    if (part.indexOf('z=') !== 0) return;
    try {
      var b = atob(part.slice(2).replace(/-/g, '+').replace(/_/g, '/'));
      var i = 3;
      while (i < b.length && b.charCodeAt(i) & 0x80) i++;
      if (b.charCodeAt(0) === 1 && b.charCodeAt(i + 1) & 1) lang = 'en';
    } catch (e) {
      // Not base64: the app says the link is damaged, in Chinese.
    }
  });
  var needed = parts.some(function (part) {
    var counts = false;
    for (var i = 0; i < atOnce.length; i++) {
      var e = atOnce[i];
      if (e.charAt(0) === '!') {
        if (part === e.slice(1)) return false;
      } else if (part === e || (e.slice(-1) === '=' && part.indexOf(e) === 0)) {
        counts = true;
      }
    }
    return counts;
  });
  // The app's own wasm (relief-finder-<hash>_bg.wasm, named here by tools/split.sh; Trunk's
  // preload of it is taken out of index.html by tools/post_build.sh). The start page paints
  // its static start screen first (index.html) and fetches the wasm after that paint: the
  // screen a person reads first does not share the network with 120 KB of code, and it is
  // the page's largest paint whatever the wasm does (Lighthouse no longer counts the wasm's
  // download in it). A link that opens further on fetches it at once, with the texts.
  // index.html's loader calls reliefStart with the function that starts the wasm.
  var started = false;
  window.reliefStart = function (go) {
    var once = function () {
      if (!started) {
        started = true;
        go();
      }
    };
    // A hidden tab paints nothing (and runs no animation frame): start at once there.
    if (needed || document.visibilityState === 'hidden' || !window.requestAnimationFrame) {
      once();
      return;
    }
    // Once the browser reports the first paint (paint timing; where it has none, the frame
    // after the first one). The page coming into view or going out of it starts it too,
    // and so does a second passing: a browser paints nothing in a frame (an embed, #embed)
    // scrolled out of view on its host page.
    var types = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes;
    if (types && types.indexOf('paint') >= 0) {
      new PerformanceObserver(function (list) {
        if (list.getEntriesByName('first-contentful-paint').length) once();
      }).observe({ type: 'paint', buffered: true });
    } else {
      requestAnimationFrame(function () {
        requestAnimationFrame(function () {
          setTimeout(once, 0);
        });
      });
    }
    document.addEventListener('visibilitychange', once);
    setTimeout(once, 1000);
  };
  if (needed) {
    ['__MAIN_WASM__', 'texts-' + lang + '.bin', '__REST_WASM__'].forEach(function (href) {
      var link = document.createElement('link');
      link.rel = 'preload';
      link.as = 'fetch';
      link.href = href;
      link.crossOrigin = 'anonymous';
      document.head.appendChild(link);
    });
  }
})();
