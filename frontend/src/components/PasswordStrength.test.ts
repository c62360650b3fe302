import { MantineProvider } from '@mantine/core';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PasswordStrength } from './PasswordStrength';

const render = (password: string, userInputs: string[] = []) =>
  renderToStaticMarkup(createElement(MantineProvider, null, createElement(PasswordStrength, { password, userInputs })));

describe('PasswordStrength', () => {
  it('shows nothing before anything is typed', () => {
    expect(render('')).not.toContain('Sterkte');
  });

  it('names a weak password and says what helps', () => {
    const html = render('aaaaaaaaaaaa');
    expect(html).toContain('Sterkte: Zeer zwak');
    expect(html).toContain('Nog te makkelijk te raden');
    expect(html).toContain('aria-label="Sterkte van het wachtwoord: Zeer zwak"');
  });

  it('names a strong password without the hint', () => {
    const html = render('paars-kanon-zeilt-traag');
    expect(html).toMatch(/Sterkte: (Zeer sterk|Sterk)/);
    expect(html).not.toContain('Nog te makkelijk te raden');
  });
});
