export { fanOutEvent, SEND_EMAIL_TASK } from './fan-out-event.ts';
export { notificationTasks, NOTIFICATION_CRONTAB, emailRetryPolicy, EMAIL_MAX_ATTEMPTS } from './notification-tasks.ts';
export { getMailSettings, sendTestMail } from './mail-settings.ts';
export { DIGEST_SCAN_TASK, SEND_DIGEST_TASK, scanDigests } from './scan-digests.ts';
