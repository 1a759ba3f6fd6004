/** The only text a client sees for an outage or an unexpected error: no driver text, no stack. */
export const UNAVAILABLE_MESSAGE = 'The service is temporarily unavailable';
