// Card text in a quiz: commands and options as code, prose through RichText (`inline code`,
// line breaks). Shared by the question, its feedback and the results list.
import { RichText } from '../../components/rich-text';
import type { TextKind } from '../../domain/quiz/questions';

export function QuizText({ text, kind }: { text: string; kind: TextKind }) {
  return kind === 'code' ? (
    <code>
      <RichText text={text} />
    </code>
  ) : (
    <RichText text={text} />
  );
}
