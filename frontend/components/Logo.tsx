/** Placeholder logo: a speech-bubble mark with the association's initials. */
export function Logo({ className }: { className?: string }) {
  return (
    <svg className={className} viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <rect x="2" y="2" width="44" height="36" rx="9" fill="#0d4a78" />
      <path d="M12 38 L12 46 L22 38 Z" fill="#0d4a78" />
      <rect x="9" y="11" width="4" height="18" rx="2" fill="#8fd0c5" />
      <text x="28" y="27" textAnchor="middle" fontFamily="inherit" fontSize="15" fontWeight="700" fill="#ffffff">
        IT
      </text>
    </svg>
  );
}
