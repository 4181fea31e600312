// Reads a typed command line the way a shell user means it: `sudo` in front of a command is
// optional (in front of an option it is sudo's own flag: `sudo -d` is not `-d`), short options
// combine and reorder (`-it` = `-ti` = `-i -t`), long forms the deck names count as their short
// letters (`--detach` = `-d`), option letters keep their case (`-D` is not `-d`), command words do
// not (a phone keyboard capitalises the first letter), and a systemctl unit may be written with
// its `.service` suffix (`docker.service` is the unit systemd reads `docker` as).
import { cleanInput } from './normalize';

export interface CommandLine {
  /** Command words, lower case, `sudo` dropped: `docker container ls`. Empty for an option alone. */
  words: string[];
  /** Options as written after the words: short letters (`d`, `i`) and long names (`--all`). */
  options: string[];
  /** False when an option stands before a command word (`docker -a ps`): not what Docker reads. */
  wellFormed: boolean;
}

/** Long option name -> short letter, as the deck pairs them (`--detach` -> `d`). */
export type LongOptions = ReadonlyMap<string, string>;

const SERVICE = '.service';

/**
 * A systemctl unit argument without its `.service` suffix: systemd reads a unit name without a
 * type as `<name>.service`, and Docker's post-install docs write `docker.service`.
 */
function unitName(before: readonly string[], word: string): string {
  const isUnit = before[0] === 'systemctl' && before.length >= 2;
  return isUnit && word.length > SERVICE.length && word.endsWith(SERVICE) ? word.slice(0, -SERVICE.length) : word;
}

export function parseCommandLine(text: string): CommandLine {
  const tokens = cleanInput(text).split(' ').filter((t) => t !== '');
  // `sudo` runs a command; before an option (`sudo -d`, `sudo -it`) the option is sudo's own.
  if (tokens.length > 1 && tokens[0]?.toLowerCase() === 'sudo' && !tokens[1]?.startsWith('-')) tokens.shift();
  const words: string[] = [];
  const options: string[] = [];
  let wellFormed = true;
  for (const token of tokens) {
    if (token.startsWith('--') && token.length > 2) {
      options.push(token);
    } else if (token.startsWith('-') && token.length > 1) {
      for (const letter of token.slice(1)) options.push(letter);
    } else {
      if (options.length > 0) wellFormed = false;
      words.push(unitName(words, token.toLowerCase()));
    }
  }
  return { words, options, wellFormed };
}

/** The long options of `alias` paired in order with the short letters of `canonical` (same words). */
export function pairLongOptions(canonical: string, alias: string): [string, string][] {
  const a = parseCommandLine(canonical);
  const b = parseCommandLine(alias);
  const shorts = a.options.filter((o) => !o.startsWith('--'));
  const longs = b.options.filter((o) => o.startsWith('--'));
  if (a.words.join(' ') !== b.words.join(' ') || shorts.length !== a.options.length) return [];
  if (longs.length !== b.options.length || longs.length !== shorts.length) return [];
  return longs.map((long, i) => [long, shorts[i] as string]);
}

/** The options as a sorted set of short letters (long forms the deck pairs replaced). */
export function optionSet(line: CommandLine, longs: LongOptions): string[] {
  return [...new Set(line.options.map((o) => longs.get(o) ?? o))].sort();
}

/** The comparison form: words, then the option set. Two lines with the same key mean the same. */
export function commandKey(line: CommandLine, longs: LongOptions): string {
  const options = optionSet(line, longs);
  return `${line.words.join(' ')}|${options.join(' ')}${line.wellFormed ? '' : '|!'}`;
}

/** The same command words (ignoring options)? */
export function sameWords(a: CommandLine, b: CommandLine): boolean {
  return a.words.join(' ') === b.words.join(' ');
}

/** Shows an option letter or long name as typed on a command line (`a` -> `-a`). */
export function showOption(option: string): string {
  return option.startsWith('--') ? option : `-${option}`;
}
