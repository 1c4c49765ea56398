import type en from '../en/presets';

const zh: Record<keyof typeof en, string> = {
};
export default zh;
