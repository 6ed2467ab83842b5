// Why the bench's browser sets the phone's size itself (harness.mjs, `benchBrowser`): on a
// plain page, no app, a button at `top` px that changes its word when tapped, six taps
// 300 ms apart. Prints each tap's Event Timing duration, or null where the browser never
// reported it (its frame was not shown). With Playwright's own 412 x 823 viewport
// (`--playwright-viewport`), a button at 760 px is answered once and then not again, at
// 700 px every time; with the bench's screen, every time at both.
//   node low-tap-probe.mjs [--top PX] [--playwright-viewport]   (served beside the release
//   build in DIST, as the benches are, so it needs one built)
import { DIST, PHONE, benchBrowser, option } from "./harness.mjs";

const top = Number(option("--top", "760"));
const { page, close } = await benchBrowser(DIST, process.argv.includes("--playwright-viewport") ? { viewport: PHONE } : {});
try {
  const body = `<!doctype html><meta name=viewport content="width=device-width">
    <button id=b style="position:absolute;top:${top}px;height:50px">Off</button><script>
    window.__taps = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.interactionId && e.name === "click") window.__taps.push({ at: e.startTime, d: e.duration }); }).observe({ type: "event", durationThreshold: 16, buffered: true });
    // Each tap works 20 ms, so that every one is long enough to be reported.
    b.onclick = () => { const t = performance.now(); while (performance.now() - t < 20); b.textContent = b.textContent === "Off" ? "On" : "Off"; window.__clicks = (window.__clicks || []).concat(t); };
  </script>`;
  await page.route("**/low-tap-probe", (route) => route.fulfill({ contentType: "text/html", body }));
  await page.goto("/low-tap-probe");
  for (let i = 0; i < 6; i += 1) {
    await page.click("#b");
    await page.waitForTimeout(300);
  }
  await page.waitForTimeout(1500);
  const { size, clicks, taps } = await page.evaluate(() => ({ size: [innerWidth, innerHeight], clicks: window.__clicks, taps: window.__taps }));
  const durations = clicks.map((c) => taps.find((t) => t.at <= c && c - t.at < 100)?.d ?? null);
  console.log(`page ${size.join(" × ")}, button at ${top} px: ${JSON.stringify(durations)}`);
} finally {
  await close();
}
