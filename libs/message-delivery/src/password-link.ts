/**
 * Purpose of the signed token in set-password links. The same string as PASSWORD_LINK_PURPOSE in
 * @petitio/staff, which cannot be imported here: libs/staff imports libs/notifications.
 */
export const PASSWORD_LINK_PURPOSE = 'password-link';
