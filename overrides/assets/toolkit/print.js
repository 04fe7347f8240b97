/* The print component's behaviour. */
