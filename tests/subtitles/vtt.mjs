// Parses WebVTT files with the W3C's webvtt-parser, independent of
// pamphlet, for tests/subtitles_reference.rs:
//   node vtt.mjs FILE...
// Prints one JSON array: per file its parse errors and cues (identifier,
// times in milliseconds, the raw cue text and the text the cue's node tree
// displays, with the voice span's annotation).
import webvtt from "webvtt-parser";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

// the whole HTML entity table, as the specification's parser knows it (the
// parser's built-in subset lacks the forms with a semicolon)
const entities = createRequire(import.meta.url)("webvtt-parser/html-entities.json");

function flatten(nodes, out) {
  for (const node of nodes) {
    if (node.type === "text") out.text += node.value;
    if (node.type === "object") {
      if (node.name === "v") out.voices.push(node.value);
      flatten(node.children, out);
    }
  }
  return out;
}

const result = process.argv.slice(2).map((file) => {
  const parsed = new webvtt.WebVTTParser(entities).parse(readFileSync(file, "utf8"));
  return {
    file,
    errors: parsed.errors.map((e) => `${e.line}:${e.col} ${e.message}`),
    cues: parsed.cues.map((cue) => {
      const shown = flatten(cue.tree.children, { text: "", voices: [] });
      return {
        id: cue.id,
        start: Math.round(cue.startTime * 1000),
        end: Math.round(cue.endTime * 1000),
        raw: cue.text,
        text: shown.text,
        voices: shown.voices,
      };
    }),
  };
});
console.log(JSON.stringify(result));
