/** The star: a toggle button, pressed when the record is starred. */
export function StarToggle({ starred, disabled = false, onToggle }: { starred: boolean; disabled?: boolean; onToggle: () => void }) {
  return (
    <button type="button" className="icon-button item-star" aria-label="Star" aria-pressed={starred} disabled={disabled} title={starred ? 'Unstar' : 'Star'} onClick={onToggle}>
      <span aria-hidden="true">{starred ? '★' : '☆'}</span>
    </button>
  );
}
