// The embed's entry: defines <kubehop-scene> (issue 5; being built).
export {};
