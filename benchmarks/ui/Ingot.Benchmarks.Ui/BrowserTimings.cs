namespace Ingot.Benchmarks.Ui;

/// <summary>
/// The scripts the benchmark runs in the page. Times are the browser's own clock
/// (<c>performance.now()</c>: milliseconds since the navigation started), so they include the
/// server, the SignalR round trip, the DOM update and the next frame.
/// </summary>
internal static class BrowserTimings
{
    /// <summary>Sets the search box, waits until the machine count changes and a frame has been painted; returns the elapsed ms.</summary>
    public const string Search = """
        async (q) => {
          const input = document.querySelector('#search');
          const count = document.querySelector('[data-testid=machine-count]');
          const before = count.textContent;
          const t0 = performance.now();
          const changed = new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error('no change within 10 s for ' + q)), 10000);
            const observer = new MutationObserver(() => {
              if (count.textContent !== before) { observer.disconnect(); clearTimeout(timer); resolve(); }
            });
            observer.observe(count, { childList: true, characterData: true, subtree: true });
          });
          input.value = q;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await changed;
          await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
          return performance.now() - t0;
        }
        """;

    /// <summary>Chooses a status in the Status filter; as <see cref="Search"/>.</summary>
    public const string Status = """
        async (value) => {
          const select = document.querySelector('#filter-status');
          const count = document.querySelector('[data-testid=machine-count]');
          const before = count.textContent;
          const t0 = performance.now();
          const changed = new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error('no change within 10 s for ' + value)), 10000);
            const observer = new MutationObserver(() => {
              if (count.textContent !== before) { observer.disconnect(); clearTimeout(timer); resolve(); }
            });
            observer.observe(count, { childList: true, characterData: true, subtree: true });
          });
          select.value = value;
          select.dispatchEvent(new Event('change', { bubbles: true }));
          await changed;
          await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
          return performance.now() - t0;
        }
        """;
}
