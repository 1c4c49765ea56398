import type en from '../en/device';

const zh: Record<keyof typeof en, string> = {
};
export default zh;
