import type en from '../en/arena';

const zh: Record<keyof typeof en, string> = {
};
export default zh;
