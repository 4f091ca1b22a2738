/**
 * The longest a shot or a clip waits for its backdrop's model before it goes on (the model loads
 * meanwhile). A module of its own: the shutter is in the camera's first load, the backdrops'
 * list is not.
 */
export const BACKDROP_WAIT_MS = 5000;
