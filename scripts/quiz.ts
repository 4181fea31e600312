// `npm run quiz -- --deck docker --seed 1 --count 10 [--lang ja|en] [--json]`: prints a quiz
// (thin wrapper over scripts/quiz-cli.ts; exit 2 on a usage error, 1 when the deck has errors).
import { quizCli } from './quiz-cli.ts';

const result = quizCli(process.argv.slice(2));
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.code;
