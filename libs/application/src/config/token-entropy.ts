// A conservative estimate of how many bits of entropy an API token holds, so that guessable tokens are refused.

/** What a configured API token must hold at least: out of reach of any online or offline guessing. */
export const MIN_TOKEN_ENTROPY_BITS = 128;

/**
 * Words people put in hand-made tokens. Each counts as one pick from a small dictionary, however long it is: an
 * attacker tries them first.
 */
const GUESSABLE_WORDS = [
  'programme',
  'office',
  'reviewer',
  'auditor',
  'admin',
  'token',
  'secret',
  'password',
  'passwd',
  'changeme',
  'example',
  'portfolio',
  'ledger',
  'bench',
  'demo',
  'test',
  'prod',
  'staging',
  'local',
  'dev',
  'key',
  'api',
  'qwerty',
  'azerty',
  'letmein',
];
const WORD_BITS = 10;
/** A continuation of a run (aaa, abc, 987) costs this much: the only choice left is where the run stops. */
const RUN_BITS = 1;
/** A repeat of an earlier stretch costs about where it starts and how long it is. */
const MIN_REPEAT = 3;
const SYMBOLS = /[-._~+/]/;

/**
 * The alphabet a random-looking token seems drawn from: the classes of characters it uses, the letters counted
 * as hexadecimal when they all are (a hex string is not drawn from 62 symbols).
 */
function alphabetSize(token: string): number {
  const hexLetters = /^[0-9a-fA-F\-._~+/]*$/.test(token);
  const letters = hexLetters ? 6 : 26;
  let size = 0;
  if (/[0-9]/.test(token)) size += 10;
  if (/[a-z]/.test(token)) size += letters;
  if (/[A-Z]/.test(token)) size += letters;
  if (SYMBOLS.test(token)) size += 6;
  return Math.max(size, 2);
}

function wordAt(lower: string, index: number): string | undefined {
  return GUESSABLE_WORDS.find((word) => lower.startsWith(word, index));
}

/** The third and later characters of a run whose consecutive steps are equal and 0 or ±1. */
function continuesRun(token: string, index: number): boolean {
  if (index < 2) return false;
  const step = token.charCodeAt(index) - token.charCodeAt(index - 1);
  const previousStep = token.charCodeAt(index - 1) - token.charCodeAt(index - 2);
  return Math.abs(step) <= 1 && step === previousStep;
}

/** The length of the longest stretch starting at `index` that already appeared before it (0 below MIN_REPEAT). */
function repeatAt(token: string, index: number): number {
  let longest = 0;
  for (let length = MIN_REPEAT; index + length <= token.length; length++) {
    if (!token.slice(0, index).includes(token.slice(index, index + length))) break;
    longest = length;
  }
  return longest;
}

/**
 * Estimated entropy of a token in bits: each character costs log2 of the alphabet it seems drawn from, except
 * what a guesser would try first: dictionary words, runs (aaaa, 1234, fedc) and repeats of an earlier stretch.
 * It underestimates random strings slightly and overestimates nothing a person is likely to type.
 */
export function estimatedEntropyBits(token: string): number {
  const body = token.replace(/=+$/, '');
  const lower = body.toLowerCase();
  const perCharacter = Math.log2(alphabetSize(body));
  let bits = 0;
  for (let index = 0; index < body.length;) {
    const word = wordAt(lower, index);
    const repeat = word === undefined ? repeatAt(body, index) : 0;
    if (word !== undefined) {
      bits += WORD_BITS;
      index += word.length;
    } else if (repeat > 0) {
      bits += Math.log2(index * repeat);
      index += repeat;
    } else {
      bits += continuesRun(body, index) ? RUN_BITS : perCharacter;
      index += 1;
    }
  }
  return bits;
}
