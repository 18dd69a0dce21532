/** @petitio/message-delivery: rendering and sending messages: templates, SMS segments, Twilio and SMTP adapters (the only code that imports twilio or nodemailer). See docs/architecture.md. */
export * from './channels/notification-channel';
export * from './channels/twilio/twilio-webhook-signature';
export * from './channels/twilio/twiml-responses';
export * from './channels/twilio/twilio-webhooks.module';
export * from './delivery-errors';
export * from './message-delivery';
export * from './message-renderer';
export * from './notification-delivery.module';
export * from './sms-delivery-reports';
export * from './sms-segments';
export * from './sms-without-marks';
