/** The compass of Koers. */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden focusable="false">
      <circle cx="16" cy="16" r="15" fill="#1f4e79" />
      <circle cx="16" cy="16" r="11" fill="none" stroke="#fff" strokeWidth="2" />
      <path d="M16 6l3 10-3 10-3-10z" fill="#fff" />
      <path d="M16 6l3 10h-6z" fill="#f2a541" />
    </svg>
  );
}
