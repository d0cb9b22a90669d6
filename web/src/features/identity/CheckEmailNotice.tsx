import { MailIcon } from '../../ui/icons.tsx';
import './identity.css';

export function CheckEmailNotice({ email, keepsDraft = false }: { email: string; keepsDraft?: boolean }) {
  return (
    <div className="check-email" role="status">
      <span className="check-email__icon">
        <MailIcon size={20} />
      </span>
      <div>
        <p className="check-email__title">Check your email</p>
        <p className="muted">
          We sent a sign-in link to <strong>{email}</strong>. Open it on this device to continue
          {keepsDraft ? ' — what you wrote is kept until you come back.' : '.'}
        </p>
      </div>
    </div>
  );
}
