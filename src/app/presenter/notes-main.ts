// notes.html's entry: the speaker-notes window (NotesWindow.svelte).
import { mount } from 'svelte';
import NotesWindow from './NotesWindow.svelte';
import '../app.css';
import './notes.css';

const target = document.getElementById('notes');
if (!target) throw new Error('notes.html has no #notes element');

export default mount(NotesWindow, { target });
