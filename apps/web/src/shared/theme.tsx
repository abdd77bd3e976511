import { useEffect, useState } from 'react';
import { SelectField } from './form.tsx';
import { theme as msg } from '../messages/shared.ts';

type Choice = 'auto' | 'light' | 'dark';
const KEY = 'entraide-theme';
const CHOICES: Readonly<Record<Choice, string>> = {
  auto: msg.commeMonAppareil,
  light: msg.clair,
  dark: msg.sombre,
};
const dark = window.matchMedia('(prefers-color-scheme: dark)');

const stored = (): Choice => {
  const value = localStorage.getItem(KEY);
  return value === 'light' || value === 'dark' ? value : 'auto';
};

/** Puts the theme on the page: the one chosen, or the device's. */
export function applyTheme(choice: Choice = stored()): void {
  document.documentElement.dataset.theme =
    choice === 'auto' ? (dark.matches ? 'dark' : 'light') : choice;
}

/** The footer's choice of theme, kept on this device; « Comme mon appareil » follows it live. */
export function ThemeChoice() {
  const [choice, setChoice] = useState<Choice>(stored);
  useEffect(() => {
    applyTheme(choice);
    if (choice !== 'auto') return;
    const follow = () => applyTheme('auto');
    dark.addEventListener('change', follow);
    return () => dark.removeEventListener('change', follow);
  }, [choice]);
  return (
    <SelectField
      label={msg.themeAffichage}
      options={CHOICES}
      value={choice}
      onChange={(e) => {
        const next = e.target.value as Choice;
        if (next === 'auto') localStorage.removeItem(KEY);
        else localStorage.setItem(KEY, next);
        setChoice(next);
      }}
    />
  );
}
