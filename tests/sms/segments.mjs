// Counts SMS segments of every text of a corpus with Twilio's
// sms-segments-calculator, the default alphabet only (it has no national
// tables). Reads a JSON array of strings from the file named by argv[2],
// prints a JSON array with one answer per text.
import { readFileSync } from 'node:fs';
import { SegmentedMessage } from 'sms-segments-calculator';

const texts = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const answers = texts.map((text) => {
  const message = new SegmentedMessage(text);
  return {
    encoding: message.encodingName,
    segments: message.segmentsCount,
    // septets for GSM-7; for UCS-2 the library counts graphemes, not units
    characters: message.numberOfCharacters,
    // the library never splits a grapheme across segments; the standard
    // splits UTF-16 units and only keeps a surrogate pair together
    multiScalarGrapheme: message.graphemes.some((g) => [...g].length > 1),
  };
});
process.stdout.write(JSON.stringify(answers));
