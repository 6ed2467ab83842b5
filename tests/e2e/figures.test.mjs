// The figures' contact sheet: every entry's start and end poses as the app draws them,
// written to target/figures/contact-sheet.png for a person to review at once, and checked
// pixel by pixel so a drawing that loses its colours (a blocked stylesheet paints every
// part solid black) fails.
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { test, useApp, appReady } from "./harness.mjs";

const OUT = resolve(dirname(fileURLToPath(import.meta.url)), "../../target/figures");
const s = useApp({ viewport: { width: 720, height: 900 } });

/**
 * Renders the sheet in a blank page of its own (no content policy there, so its
 * stylesheet applies as the app's does) and measures each cell of the screenshot: pixels
 * in the accent colour (the working part), in the body's colour, and solid black.
 */
async function renderSheet(context, rows, css, colours = null) {
  const sheet = await context.newPage();
  await sheet.setViewportSize({ width: 720, height: 900 });
  await sheet.setContent(
    `<!doctype html><style>${css} body{padding:8px;background:#fff} .row{display:inline-block;width:340px;margin:4px;vertical-align:top}
     .row b{display:block} .row .figure{display:inline-block;width:160px;height:100px;border:1px solid #ccc;margin:2px;overflow:hidden}
     .row .figure svg{width:100%;height:100%}</style>${rows.join("")}`,
  );
  const { accent, body } = colours ?? await sheet.evaluate(() => {
    const style = getComputedStyle(document.documentElement);
    return { accent: style.getPropertyValue("--accent").trim(), body: style.getPropertyValue("--text").trim() };
  });
  const cells = await sheet.locator(".row .figure").evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { name: e.dataset.name, x: Math.round(r.x) + 1, y: Math.round(r.y) + 1, w: Math.round(r.width) - 2, h: Math.round(r.height) - 2 };
    }),
  );
  const png = await sheet.screenshot({ fullPage: true });
  await sheet.close();
  return { png, accent, body, measured: await measure(context, png, cells, { accent, body }) };
}

/**
 * Counts, in each cell of the screenshot `png`, the pixels within a few steps of the
 * accent and the body's colour, and the share that is solid black. Decoded and counted in
 * a blank page (no content policy there for a data: image; only the counts come back).
 */
async function measure(context, png, cells, colours) {
  const blank = await context.newPage();
  try {
    return await blank.evaluate(
      async ({ b64, cells, colours }) => {
        const rgb = (text) =>
          text.startsWith("#")
            ? [1, 3, 5].map((i) => parseInt(text.slice(i, i + 2), 16))
            : text.match(/\d+/g).slice(0, 3).map(Number);
        const [work, body, black] = [rgb(colours.accent), rgb(colours.body), [0, 0, 0]];
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const canvas = document.createElement("canvas");
        canvas.width = img.width;
        canvas.height = img.height;
        const ctx = canvas.getContext("2d");
        ctx.drawImage(img, 0, 0);
        return cells.map((c) => {
          const { data } = ctx.getImageData(c.x, c.y, c.w, c.h);
          const near = (i, [r, g, b], tolerance) =>
            Math.abs(data[i] - r) <= tolerance && Math.abs(data[i + 1] - g) <= tolerance && Math.abs(data[i + 2] - b) <= tolerance;
          const counts = { name: c.name, work: 0, body: 0, black: 0 };
          for (let i = 0; i < data.length; i += 4) {
            if (near(i, work, 6)) counts.work += 1;
            if (near(i, body, 6)) counts.body += 1;
            if (near(i, black, 4)) counts.black += 1;
          }
          counts.black /= c.w * c.h;
          return counts;
        });
      },
      { b64: png.toString("base64"), cells, colours },
    );
  } finally {
    await blank.close();
  }
}

/** What is wrong with each cell: no working part, no body, or mostly solid black. */
const problems = (measured) =>
  measured.flatMap((m) => [
    ...(m.work < 15 ? [`${m.name}: the working part's colour is missing (${m.work} px)`] : []),
    ...(m.body < 15 ? [`${m.name}: the body's colour is missing (${m.body} px)`] : []),
    ...(m.black > 0.3 ? [`${m.name}: ${Math.round(m.black * 100)} % solid black`] : []),
  ]);

test("a contact sheet of every exercise's key poses, drawn in the app's colours", async () => {
  await s.page.emulateMedia({ reducedMotion: "reduce" });
  await s.page.goto("/library");
  await appReady(s.page);
  const ids = await s.page.locator(".exercise-card").evaluateAll((cards) =>
    cards.map((a) => a.getAttribute("href").split("/").pop()),
  );
  assert.equal(ids.length, 25);
  const rows = [];
  for (const id of ids) {
    await s.page.goto(`/exercise/${id}`);
    await appReady(s.page);
    const frames = s.page.locator(".figure-frames .figure");
    await frames.first().waitFor();
    const name = await s.page.locator("h1").textContent();
    const svgs = await frames.evaluateAll((els) => els.map((e) => e.innerHTML));
    assert.equal(svgs.length, 2, `${id}: start and end`);
    assert.match(svgs[1], /class="fig-arrow"/, `${id}: the end still has the move's arrow`);
    assert.match(svgs[1], /class="fig-ghost"/, `${id}: and the start pose faint behind`);
    const cell = (x, i) => `<div class="figure" data-name="${id} ${i ? "end" : "start"}">${x}</div>`;
    rows.push(`<div class="row"><b>${name}</b>${svgs.map(cell).join("")}</div>`);
  }
  // The app's own stylesheet, as the page has it (its design tokens and figure rules).
  const css = await s.page.evaluate(() =>
    [...document.styleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join("\n"),
  );
  assert.match(css, /\.fig-work/, "the app's figure rules were read");

  const sheet = await renderSheet(s.app.context, rows, css);
  assert.ok(sheet.accent && sheet.body, "the design tokens apply on the sheet");
  mkdirSync(OUT, { recursive: true });
  writeFileSync(resolve(OUT, "contact-sheet.png"), sheet.png);
  assert.equal(sheet.measured.length, 50, "every entry's start and end");
  assert.deepEqual(problems(sheet.measured), [], "every drawing in the app's colours");

  // The check itself: the same drawings with the stylesheet blocked, as an inline
  // stylesheet under the app's content policy is, are refused.
  const broken = await renderSheet(s.app.context, rows, "", sheet);
  assert.ok(
    problems(broken.measured).length >= 50,
    `the broken rendering is caught (${problems(broken.measured).length} problems)`,
  );
});
