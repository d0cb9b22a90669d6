import { createContext, useCallback, useContext, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { CloseIcon } from './icons.tsx';
import './toast.css';

type ToastTone = 'info' | 'success' | 'error';
type ToastInput = { message: string; tone?: ToastTone; action?: { label: string; to: string } };
type ToastItem = ToastInput & { id: number; tone: ToastTone };
type ToastApi = { show: (toast: ToastInput) => void };

const ToastContext = createContext<ToastApi | null>(null);
const visibleMs = 5000;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => {
    setToasts((current) => current.filter((toast) => toast.id !== id));
  }, []);

  const show = useCallback(
    (input: ToastInput) => {
      const id = nextId.current++;
      setToasts((current) => [...current.slice(-3), { ...input, tone: input.tone ?? 'info', id }]);
      window.setTimeout(() => dismiss(id), input.tone === 'error' ? visibleMs * 2 : visibleMs);
    },
    [dismiss],
  );

  const api = useMemo(() => ({ show }), [show]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toaster" aria-live="polite" aria-relevant="additions">
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast toast--${toast.tone}`} role={toast.tone === 'error' ? 'alert' : 'status'}>
            <span className="toast__message">{toast.message}</span>
            {toast.action ? (
              <Link className="toast__action" to={toast.action.to} onClick={() => dismiss(toast.id)}>
                {toast.action.label}
              </Link>
            ) : null}
            <button type="button" className="toast__close" onClick={() => dismiss(toast.id)} aria-label="Dismiss">
              <CloseIcon size={14} />
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast must be used inside <ToastProvider>');
  return api;
}
