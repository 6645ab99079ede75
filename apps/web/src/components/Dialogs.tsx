import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useT } from '../i18n/useT';
import { buttonClass } from './styles';

/**
 * An accessible modal dialog (React Aria): focus is trapped inside, Escape
 * closes it, and the focus returns to what opened it.
 */
export function ModalDialog({
  isOpen,
  onOpenChange,
  title,
  children,
  role = 'dialog',
  describedBy,
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  children: ReactNode;
  role?: 'dialog' | 'alertdialog';
  /** The id of the text that explains the dialog (read out with its title). */
  describedBy?: string | undefined;
}) {
  return (
    <ModalOverlay
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable={role === 'dialog'}
      className="fixed inset-0 z-50 flex items-center justify-center overflow-y-auto bg-slate-950/60 p-4"
    >
      <Modal className="w-full max-w-lg rounded-lg bg-white p-6 shadow-xl">
        <Dialog role={role} aria-describedby={describedBy} className="outline-none">
          <Heading slot="title" className="mb-3 text-xl font-semibold text-slate-900">
            {title}
          </Heading>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

/** Ask before doing something that is hard to undo. */
export function ConfirmDialog({
  isOpen,
  onOpenChange,
  title,
  body,
  confirmLabel,
  onConfirm,
  pending = false,
  error,
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  pending?: boolean;
  error?: ReactNode;
}) {
  const t = useT();
  return (
    <ModalDialog isOpen={isOpen} onOpenChange={onOpenChange} title={title} role="alertdialog">
      <div className="text-slate-800">{body}</div>
      {error}
      <div className="mt-6 flex flex-wrap justify-end gap-3">
        <button type="button" className={buttonClass.secondary} onClick={() => onOpenChange(false)}>
          {t('common.cancel')}
        </button>
        <button type="button" className={buttonClass.danger} onClick={onConfirm} disabled={pending}>
          {confirmLabel}
        </button>
      </div>
    </ModalDialog>
  );
}
