// Packet cards: `npx tsx bench/cards.ts`. For each bundled scene, how much
// the picture grew to give the cards room (layout alone → with the cards),
// and the time to find every step's card place by searching the picture
// against reading the places the build kept in the geometry (what a page
// showing a precompiled scene does). Read the ratio, not the times.
import { readdirSync, readFileSync } from 'node:fs';
import { buildScene, checkScene } from '../src/pipeline.ts';
import { layoutScene } from '../src/layout/layout.ts';
import { cardRect, macNames } from '../src/timeline/index.ts';
import { cardReach, searchCards } from '../src/timeline/card-room.ts';

let kept = 0;
let searched = 0;
for (const f of readdirSync('scenes').filter((n) => n.endsWith('.yaml')).sort()) {
  const text = readFileSync(`scenes/${f}`, 'utf8');
  const checked = checkScene(text, `scenes/${f}`);
  const built = await buildScene(text, `scenes/${f}`);
  if (!checked.ok || !built.ok) continue;
  const names = macNames(built.scene);
  // The layout the build drew, before the margin: chosen with the margin counted, as buildScene does.
  const bare = await layoutScene(checked.scene, (g) => cardReach(g, checked.steps, names));
  // Fresh copies each time: the card plan is memoised per geometry object.
  const copy = () => JSON.parse(JSON.stringify(built.geometry)) as typeof built.geometry;
  const withCards = copy();
  const { cards: _cards, ...without } = copy();
  let t = performance.now();
  built.steps.forEach((_, k) => cardRect(built.steps, withCards, names, k));
  const k1 = performance.now() - t;
  t = performance.now();
  searchCards(without, built.steps, names);
  const s1 = performance.now() - t;
  kept += k1;
  searched += s1;
  console.log(
    `${f.padEnd(26)} ${`${bare.width}×${bare.height}`.padStart(9)} → ${`${built.geometry.width}×${built.geometry.height}`.padEnd(9)}  places: kept ${k1.toFixed(1)} ms, searched ${s1.toFixed(1)} ms`,
  );
}
console.log(`all scenes: kept ${kept.toFixed(1)} ms, searched ${searched.toFixed(1)} ms (${(searched / kept).toFixed(0)}× slower)`);
