import {
  createTheme,
  darken,
  DEFAULT_THEME,
  defaultVariantColorsResolver,
  parseThemeColor,
  type CSSVariablesResolver,
  type MantineColorsTuple,
  type VariantColorsResolver,
} from '@mantine/core';

// Help text below the input, so inputs side by side line up whether or not they have help text.
const wrapperOrder = {
  inputWrapperOrder: ['label', 'input', 'description', 'error'] as ('label' | 'input' | 'description' | 'error')[],
};

// A deep navy blue: a compass on a map. Shades 7-9 keep white text above WCAG AA contrast.
const koers: MantineColorsTuple = [
  '#eaf2fa',
  '#d3e2f1',
  '#a7c4e3',
  '#78a5d5',
  '#528bc9',
  '#3a7ac2',
  '#2b6cb3',
  '#1f5c9e',
  '#1f4e79',
  '#163a5c',
];

/** Mantine's palette with a darker shade 9 where the default falls short of 4.5:1 as text. */
function darkerNine(name: 'green' | 'orange', nine: string): MantineColorsTuple {
  const [c0, c1, c2, c3, c4, c5, c6, c7, c8] = DEFAULT_THEME.colors[name];
  return [c0, c1, c2, c3, c4, c5, c6, c7, c8, nine];
}

/**
 * Text in light, outline and subtle variants (badges, alerts, outline buttons) in shade 9 of its
 * colour: Mantine's default shade 6 on a pale background fails WCAG AA contrast.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  if (input.variant === 'filled') {
    // Mantine hovers shade 9 with the lighter shade 8, where white text falls below 4.5:1.
    const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
    return parsed.isThemeColor && parsed.shade === 9 ? { ...colors, hover: darken(parsed.value, 0.15) } : colors;
  }
  if (!['light', 'outline', 'subtle'].includes(input.variant)) return colors;
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor || parsed.color === 'gray' || parsed.color === 'dark') return colors;
  const text = input.theme.colors[parsed.color]?.[9];
  if (!text) return colors;
  return {
    ...colors,
    color: text,
    hoverColor: text,
    border: input.variant === 'outline' ? `1px solid ${text}` : colors.border,
  };
};

export const theme = createTheme({
  primaryColor: 'koers',
  primaryShade: 7,
  colors: { koers, green: darkerNine('green', '#237032'), orange: darkerNine('orange', '#a63e0a') },
  variantColorResolver,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '650' },
  defaultRadius: 'sm',
  cursorType: 'pointer',
  // Modals and notifications appear without sliding for people who asked their system for less motion.
  respectReducedMotion: true,
  components: {
    Table: { defaultProps: { verticalSpacing: 'xs' } },
    // Every input reads the defaults of InputWrapper.
    InputWrapper: { defaultProps: wrapperOrder },
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Sluiten' } } },
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': 'Melding sluiten' } } },
  },
});

/** Darker "dimmed" text than Mantine's default, which falls short of 4.5:1 on white. */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7],
    '--mantine-color-placeholder': t.colors.gray[6],
    '--mantine-color-error': t.colors.red[9],
  },
  dark: {},
});
