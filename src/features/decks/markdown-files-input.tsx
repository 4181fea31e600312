// The file input that takes a deck's Markdown files (memos and notes), used to add and to update.
import type { ChangeEvent } from 'react';

export function MarkdownFilesInput({ id, onFiles }: { id: string; onFiles: (files: File[]) => void }) {
  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const files = e.currentTarget.files ? [...e.currentTarget.files] : [];
    // Cleared so that choosing the same files again (after fixing them) fires again.
    e.currentTarget.value = '';
    onFiles(files);
  };
  return <input id={id} type="file" accept=".md,text/markdown" multiple onChange={onChange} />;
}
