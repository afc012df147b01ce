import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** Files dropped here or chosen with the (keyboard-reachable) file input. */
export function DropZone({ onFiles }: { onFiles: (files: File[]) => void }) {
  const { t } = useTranslation('upload');
  const [over, setOver] = useState(false);
  const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer.types).includes('Files');
  return (
    <div
      className={over ? 'dropzone over' : 'dropzone'}
      onDragEnter={(event) => {
        if (hasFiles(event)) setOver(true);
      }}
      onDragOver={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={(event) => {
        // Leaving for a child element is not leaving the zone.
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const files = Array.from(event.dataTransfer.files);
        if (files.length) onFiles(files);
      }}
    >
      <p className="dropzone-text">{t('drop.text')}</p>
      <p className="muted">{t('drop.or')}</p>
      <input
        id="upload-files"
        className="upload-input visually-hidden"
        type="file"
        multiple
        aria-describedby="upload-files-hint"
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          // Cleared so that picking the same file again (to resume it) fires a change.
          event.target.value = '';
          if (files.length) onFiles(files);
        }}
      />
      <label htmlFor="upload-files" className="button">
        {t('drop.choose')}
      </label>
      <p id="upload-files-hint" className="muted">
        {t('drop.hint')}
      </p>
    </div>
  );
}
