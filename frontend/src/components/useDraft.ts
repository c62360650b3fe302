import { useState } from 'react';

/**
 * Text the user edits before it takes effect (a search, a reference to look up), kept in step
 * with the value it stands for when that changes elsewhere (the back button, "Filters wissen").
 */
export function useDraft(value: string): [string, (text: string) => void] {
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    setText(value);
  }
  return [text, setText];
}
